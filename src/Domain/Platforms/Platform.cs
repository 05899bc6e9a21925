using DagMaster.Domain.Common;
using DagMaster.Domain.Platforms.Rules;

namespace DagMaster.Domain.Platforms;

/// <summary>
/// A registry entry for a B2B application: which refs identify its assets, which ref carries the semantic
/// version label, which workflow each request kind runs, where callbacks go and its API keys. Integrating
/// a new application is creating one of these — data, not code.
/// </summary>
public sealed class Platform : Entity, IAggregateRoot
{
    public const string IdPattern = "^[a-z][a-z0-9_-]{1,63}$";

    private readonly List<PlatformApiKey> _apiKeys = [];

    private Platform()
    {
        // For EF Core.
    }

    public string Id { get; private set; } = null!;

    public string DisplayName { get; private set; } = null!;

    public string? Description { get; private set; }

    public IReadOnlyList<string> RequiredRefs { get; private set; } = [];

    public IReadOnlyList<string> OptionalRefs { get; private set; } = [];

    /// <summary>The ref key whose value is the semantic version label (e.g. <c>version_id</c>), when the platform has one.</summary>
    public string? VersionRef { get; private set; }

    /// <summary>Request kind → workflow id (e.g. <c>raster → raster_ingest</c>).</summary>
    public IReadOnlyDictionary<string, string> Workflows { get; private set; } = new Dictionary<string, string>();

    public string? CallbackUrl { get; private set; }

    /// <summary>Workflows an operator allowed its keys to submit directly, beyond those its kinds map to.</summary>
    public IReadOnlyList<string> AllowedWorkflows { get; private set; } = [];

    /// <summary>The highest priority its keys may give a job; null: the deployment's default ceiling.</summary>
    public int? MaxPriority { get; private set; }

    /// <summary>How many of its jobs may be pending or running at once; null: the deployment's default.</summary>
    public int? MaxRunningJobs { get; private set; }

    /// <summary>The HMAC-SHA256 key for callback signatures as stored: encrypted by the deployment's key ring.</summary>
    public string ProtectedSigningSecret { get; private set; } = null!;

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyCollection<PlatformApiKey> ApiKeys => _apiKeys.AsReadOnly();

    public static Platform Create(string platformId, PlatformSettings settings, string protectedSigningSecret, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var platform = new Platform
        {
            Id = platformId,
            ProtectedSigningSecret = protectedSigningSecret,
            IsActive = true,
            CreatedAt = now,
        };
        platform.Apply(settings, now);
        return platform;
    }

    public void Update(PlatformSettings settings, TimeProvider clock) => Apply(settings, clock.GetUtcNow());

    public void ChangeSigningSecret(string protectedSigningSecret, TimeProvider clock)
    {
        ProtectedSigningSecret = protectedSigningSecret;
        UpdatedAt = clock.GetUtcNow();
    }

    public void Deactivate(TimeProvider clock)
    {
        IsActive = false;
        UpdatedAt = clock.GetUtcNow();
    }

    public void Activate(TimeProvider clock)
    {
        IsActive = true;
        UpdatedAt = clock.GetUtcNow();
    }

    /// <summary>Records a new key by its hash; the caller generated it and shows it once.</summary>
    public PlatformApiKey AddApiKey(string name, string keyHash, string prefix, TimeProvider clock)
    {
        var key = new PlatformApiKey(Id, name, keyHash, prefix, clock.GetUtcNow());
        _apiKeys.Add(key);
        return key;
    }

    public void RevokeApiKey(Guid keyId, TimeProvider clock)
    {
        CheckRule(new ApiKeyMustExistRule(this, keyId));
        _apiKeys.Single(k => k.Id == keyId).Revoke(clock.GetUtcNow());
    }

    /// <summary>Checks that the platform takes submissions and answers the workflow for a request kind (null when unmapped).</summary>
    public string? WorkflowFor(string kind)
    {
        CheckRule(new PlatformMustBeActiveRule(this));
        return Workflows.GetValueOrDefault(kind);
    }

    /// <summary>Whether its keys may submit jobs of <paramref name="workflowId"/>: a workflow one of its kinds maps to, or one an operator allowed.</summary>
    public bool MaySubmit(string workflowId) => Workflows.Values.Contains(workflowId, StringComparer.Ordinal) || AllowedWorkflows.Contains(workflowId, StringComparer.Ordinal);

    /// <summary>The required ref keys missing from <paramref name="refs"/> (present means a non-empty value).</summary>
    public IReadOnlyList<string> MissingRefs(IReadOnlyDictionary<string, string?> refs) =>
        RequiredRefs.Where(r => !refs.TryGetValue(r, out var value) || string.IsNullOrEmpty(value)).ToList();

    private void Apply(PlatformSettings settings, DateTimeOffset now)
    {
        DisplayName = settings.DisplayName;
        Description = settings.Description;
        RequiredRefs = [.. settings.RequiredRefs];
        OptionalRefs = [.. settings.OptionalRefs];
        VersionRef = settings.VersionRef;
        Workflows = new Dictionary<string, string>(settings.Workflows, StringComparer.Ordinal);
        CallbackUrl = settings.CallbackUrl;
        AllowedWorkflows = [.. settings.AllowedWorkflows ?? []];
        MaxPriority = settings.MaxPriority;
        MaxRunningJobs = settings.MaxRunningJobs;
        UpdatedAt = now;
    }
}

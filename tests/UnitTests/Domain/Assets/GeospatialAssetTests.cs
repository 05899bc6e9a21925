using DagMaster.Domain.Assets;
using DagMaster.Domain.Assets.Rules;
using DagMaster.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace DagMaster.UnitTests.Domain.Assets;

public sealed class GeospatialAssetTests
{
    private static readonly Dictionary<string, string> s_refs = new() { ["dataset_id"] = "ds-1", ["resource_id"] = "r-1" };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private GeospatialAsset NewAsset() => GeospatialAsset.Create("ddh", s_refs, _clock);

    private static TRule Broken<TRule>(Action action)
        where TRule : IBusinessRule =>
        Should.Throw<BusinessRuleValidationException>(action).BrokenRule.ShouldBeOfType<TRule>();

    [Fact]
    public void AssetIdFor_WhenRefsOrderDiffers_IsTheSameAndDiffersPerPlatform()
    {
        var reordered = new Dictionary<string, string> { ["resource_id"] = "r-1", ["dataset_id"] = "ds-1" };

        AssetId.For("ddh", s_refs).ShouldBe(AssetId.For("ddh", reordered));
        AssetId.For("ddh", s_refs).ShouldNotBe(AssetId.For("arcgis", s_refs));
        AssetId.For("ddh", s_refs).Value.ShouldMatch("^[0-9a-f]{32}$");
        AssetId.CanonicalRefs(reordered).ShouldBe("""{"dataset_id":"ds-1","resource_id":"r-1"}""");
    }

    [Fact]
    public void Submit_WhenNewLabelsAndRepeats_OpensVersionsAndRevisions()
    {
        var asset = NewAsset();

        var first = asset.Submit("V1", "a", Guid.NewGuid(), _clock);
        asset.EndRevision(first.JobId, RevisionStatus.Completed, "{}", null, _clock);
        var again = asset.Submit("V1", "b", Guid.NewGuid(), _clock);
        asset.EndRevision(again.JobId, RevisionStatus.Completed, "{}", null, _clock);
        asset.Approve(asset.FindVersion(0)!, "op", _clock);
        var next = asset.Submit("V2", "c", Guid.NewGuid(), _clock);

        (asset.VersionOf(first).Ordinal, first.Number).ShouldBe((0, 1));
        (asset.VersionOf(again).Ordinal, again.Number).ShouldBe((0, 2));
        (asset.VersionOf(next).Ordinal, next.Number).ShouldBe((1, 1));
        asset.FindVersion(0)!.CurrentRevision.ShouldBe(2);
        asset.LatestApprovedOrdinal.ShouldBe(0);
    }

    [Fact]
    public void Submit_WhenEarlierVersionPendingReview_BreaksEarlierVersionMustBeResolvedRule()
    {
        var asset = NewAsset();
        var first = asset.Submit("V1", "a", Guid.NewGuid(), _clock);
        asset.EndRevision(first.JobId, RevisionStatus.Completed, "{}", null, _clock);

        var rule = Broken<EarlierVersionMustBeResolvedRule>(() => asset.Submit("V2", "b", Guid.NewGuid(), _clock));

        rule.Message.ShouldContain("pending_review");
        asset.Versions.Count.ShouldBe(1);
    }

    [Fact]
    public void Submit_WhenSameVersionStillProcessing_BreaksRevisionMustNotBeProcessingRule()
    {
        var asset = NewAsset();
        asset.Submit("V1", "a", Guid.NewGuid(), _clock);

        Broken<RevisionMustNotBeProcessingRule>(() => asset.Submit("V1", "b", Guid.NewGuid(), _clock));
    }

    [Fact]
    public void Submit_WhenDeleted_BreaksAssetMustNotBeDeletedRule()
    {
        var asset = NewAsset();
        asset.Delete("op", _clock);

        Broken<AssetMustNotBeDeletedRule>(() => asset.Submit("V1", "a", Guid.NewGuid(), _clock));
    }

    [Fact]
    public void Approve_WhenCurrentRevisionProcessingOrFailed_BreaksOnlyCompletedRevisionCanBeApprovedRule()
    {
        var asset = NewAsset();
        var run = asset.Submit("V1", "a", Guid.NewGuid(), _clock);
        var version = asset.FindVersion(0)!;

        Broken<OnlyCompletedRevisionCanBeApprovedRule>(() => asset.Approve(version, "op", _clock));
        asset.EndRevision(run.JobId, RevisionStatus.Failed, null, "boom", _clock);
        Broken<OnlyCompletedRevisionCanBeApprovedRule>(() => asset.Approve(version, "op", _clock));
        version.ApprovalState.ShouldBe(ApprovalState.PendingReview);
    }

    [Fact]
    public void Reject_WhenNoReasonOrAlreadyReviewed_BreaksItsRules()
    {
        var asset = NewAsset();
        var run = asset.Submit("V1", "a", Guid.NewGuid(), _clock);
        asset.EndRevision(run.JobId, RevisionStatus.Completed, "{}", null, _clock);
        var version = asset.FindVersion(0)!;

        Broken<RejectionNeedsReasonRule>(() => asset.Reject(version, "op", " ", _clock));
        asset.Reject(version, "op", "blurry", _clock);
        Broken<OnlyPendingVersionCanBeReviewedRule>(() => asset.Approve(version, "op", _clock));
        version.RejectionReason.ShouldBe("blurry");
    }

    [Fact]
    public void Rollback_WhenTargetIsEarlierCompletedRevision_MakesItCurrentAndOtherwiseRefuses()
    {
        var asset = NewAsset();
        var one = asset.Submit("V1", "a", Guid.NewGuid(), _clock);
        asset.EndRevision(one.JobId, RevisionStatus.Completed, """{"x":1}""", null, _clock);
        var two = asset.Submit("V1", "b", Guid.NewGuid(), _clock);
        asset.EndRevision(two.JobId, RevisionStatus.Failed, null, "boom", _clock);
        var three = asset.Submit("V1", "c", Guid.NewGuid(), _clock);
        asset.EndRevision(three.JobId, RevisionStatus.Completed, """{"x":3}""", null, _clock);
        var version = asset.FindVersion(0)!;

        Broken<RollbackTargetMustBeEarlierCompletedRevisionRule>(() => asset.Rollback(version, 2, "op", _clock));
        Broken<RollbackTargetMustBeEarlierCompletedRevisionRule>(() => asset.Rollback(version, 3, "op", _clock));
        asset.Rollback(version, 1, "op", _clock);

        version.Current!.ArtifactsJson.ShouldBe("""{"x":1}""");
        asset.Events.Last().Type.ShouldBe(AssetEventTypes.RolledBack);
    }

    [Fact]
    public void SetClearance_WhenMovingBackOrStaying_BreaksClearanceCanOnlyMoveForwardRule()
    {
        var asset = NewAsset();

        asset.SetClearance(Clearance.Ouo, "op", _clock);
        Broken<ClearanceCanOnlyMoveForwardRule>(() => asset.SetClearance(Clearance.Ouo, "op", _clock));
        Broken<ClearanceCanOnlyMoveForwardRule>(() => asset.SetClearance(Clearance.Uncleared, "op", _clock));
        asset.SetClearance(Clearance.Public, "op", _clock);

        asset.Clearance.ShouldBe(Clearance.Public);
        asset.ClearedBy.ShouldBe("op");
    }

    [Fact]
    public void EndRevision_WhenJobEndsTwiceOrIsUnknown_ChangesNothing()
    {
        var asset = NewAsset();
        var run = asset.Submit("V1", "a", Guid.NewGuid(), _clock);

        asset.EndRevision(run.JobId, RevisionStatus.Completed, """{"a":1}""", null, _clock).ShouldNotBeNull();

        asset.EndRevision(run.JobId, RevisionStatus.Failed, null, "late", _clock).ShouldBeNull();
        asset.EndRevision(Guid.NewGuid(), RevisionStatus.Completed, null, null, _clock).ShouldBeNull();
        run.Status.ShouldBe(RevisionStatus.Completed);
        run.ArtifactsJson.ShouldBe("""{"a":1}""");
    }
}

using DagMaster.Application.Abstractions;
using Microsoft.AspNetCore.DataProtection;

namespace DagMaster.Infrastructure.Identity;

/// <summary>
/// Secrets encrypted with the shared key ring (kept in PostgreSQL, so every instance reads what another wrote). The
/// stored form is <c>dp1:</c> and the protected payload; the marker tells a protected value from one stored in clear
/// before this existed.
/// </summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string Marker = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector("DagMaster.Platforms.SigningSecret");

    public string Protect(string secret) => Marker + _protector.Protect(secret);

    public string Unprotect(string stored) => IsProtected(stored) ? _protector.Unprotect(stored[Marker.Length..]) : stored;

    public bool IsProtected(string stored) => stored.StartsWith(Marker, StringComparison.Ordinal);
}

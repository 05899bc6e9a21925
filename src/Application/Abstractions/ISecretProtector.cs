namespace DagMaster.Application.Abstractions;

/// <summary>
/// Encrypts the secrets DagMaster has to read back (webhook signing secrets) before they are stored, so a copy of the
/// database alone does not reveal them.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <summary>The secret behind a stored value; a value stored before secrets were protected comes back as it is.</summary>
    string Unprotect(string stored);

    bool IsProtected(string stored);
}

namespace DagMaster.Domain.Assets;

/// <summary>Who may see an asset; it only moves forward: uncleared → ouo → public.</summary>
public enum Clearance
{
    Uncleared,
    Ouo,
    Public,
}

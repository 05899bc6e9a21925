namespace DagMaster.Worker.Handlers;

/// <summary>Randomness for handlers, injectable so tests are deterministic.</summary>
public interface IRandomSource
{
    /// <summary>A number in [0, 1).</summary>
    double NextDouble();
}

namespace DagMaster.Worker.Handlers;

/// <summary>A thread-safe <see cref="IRandomSource"/> over <see cref="Random.Shared"/>, or over a given (e.g. seeded) <see cref="Random"/>.</summary>
public sealed class SystemRandomSource : IRandomSource
{
    private readonly Random _random;
    private readonly Lock _gate = new();

    public SystemRandomSource()
        : this(Random.Shared)
    {
    }

    public SystemRandomSource(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
    }

    public double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }
}

using DagMaster.Benchmarks;
using DagMaster.Benchmarks.Workers;

// "worker ..." runs one no-op worker process; anything else runs the benchmark (build/bench).
return args is ["worker", .. var rest]
    ? await NoopWorker.RunAsync(CommandLine.Parse(rest))
    : await BenchmarkRunner.RunAsync(BenchSettings.From(CommandLine.Parse(args)));

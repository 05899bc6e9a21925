using DagMaster.Benchmarks;
using DagMaster.Benchmarks.Workers;

// "worker ..." runs one no-op worker process (HTTP, or Service Bus with --transport servicebus); anything else runs
// the benchmark (build/bench).
return args switch
{
    ["worker", .. var rest] when CommandLine.Parse(rest).Text("transport", "http") == "servicebus" => await ServiceBusNoopWorker.RunAsync(CommandLine.Parse(rest)),
    ["worker", .. var rest] => await NoopWorker.RunAsync(CommandLine.Parse(rest)),
    _ => await BenchmarkRunner.RunAsync(BenchSettings.From(CommandLine.Parse(args))),
};

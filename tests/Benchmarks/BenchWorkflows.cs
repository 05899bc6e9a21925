using System.Globalization;
using System.Text;

namespace DagMaster.Benchmarks;

/// <summary>The workflow files the benchmark loads into DagMaster (written to its own WORKFLOWS_DIR).</summary>
public static class BenchWorkflows
{
    public const string Chain = "bench_chain";
    public const string SideChain = "bench_side_chain";
    public const string Echo = "bench_echo";
    public const string Submit = "bench_submit";
    public const string FanOut = "bench_fanout";

    public const string ChainQueue = "bench-chain";
    public const string SideQueue = "bench-side";
    public const string EchoQueue = "bench-echo";
    public const string IdleQueue = "bench-idle";
    public const string FanOutQueue = "bench-fanout";

    public const int SideChainLength = 20;

    /// <summary>Chain task nodes are t000, t001, …; hop i is t(i-1) → t(i).</summary>
    public static string ChainNode(int index) => "t" + index.ToString("000", CultureInfo.InvariantCulture);

    public static void Write(string directory, int chainLength)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(directory, "*.yaml"))
        {
            File.Delete(file);
        }

        File.WriteAllText(Path.Combine(directory, Chain + ".yaml"), ChainYaml(Chain, ChainQueue, chainLength));
        File.WriteAllText(Path.Combine(directory, SideChain + ".yaml"), ChainYaml(SideChain, SideQueue, SideChainLength));
        File.WriteAllText(Path.Combine(directory, Echo + ".yaml"), EchoYaml(Echo, EchoQueue));
        File.WriteAllText(Path.Combine(directory, Submit + ".yaml"), EchoYaml(Submit, IdleQueue));
        File.WriteAllText(Path.Combine(directory, FanOut + ".yaml"), FanOutYaml());
    }

    private static string ChainYaml(string id, string queue, int length)
    {
        var yaml = new StringBuilder($"""
            workflow_id: {id}
            name: Benchmark chain of {length} no-op tasks
            version: 1
            nodes:
              start:
                type: start
                next: {ChainNode(0)}

            """);
        for (var i = 0; i < length; i++)
        {
            yaml.Append($"""
                  {ChainNode(i)}:
                    type: task
                    handler: noop
                    queue: {queue}
                    timeout_seconds: 600
                    retry:
                      max_attempts: 1
                    next: {(i + 1 < length ? ChainNode(i + 1) : "end")}

                """);
        }

        return yaml.Append("""
              end:
                type: end

            """).ToString();
    }

    // The shape of workflows/echo_test.yaml: start → one echo task → end.
    private static string EchoYaml(string id, string queue) => $$$"""
        workflow_id: {{{id}}}
        name: Benchmark echo ({{{queue}}})
        version: 1
        inputs:
          message:
            type: string
            required: true
        nodes:
          start:
            type: start
            next: echo
          echo:
            type: task
            handler: echo
            queue: {{{queue}}}
            params:
              message: "{{ inputs.message }}"
            timeout_seconds: 600
            retry:
              max_attempts: 1
            next: end
          end:
            type: end

        """;

    private static string FanOutYaml() => $$$"""
        workflow_id: {{{FanOut}}}
        name: Benchmark wide fan-out and fan-in
        version: 1
        inputs:
          items:
            type: array
            required: true
        nodes:
          start:
            type: start
            next: split
          split:
            type: fan_out
            source: "{{ inputs.items }}"
            retry:
              max_attempts: 1
            task:
              handler: noop
              queue: {{{FanOutQueue}}}
              timeout_seconds: 3600
              params:
                i: "{{ index }}"
            next: merge
          merge:
            type: fan_in
            aggregation: collect
            next: end
          end:
            type: end

        """;
}

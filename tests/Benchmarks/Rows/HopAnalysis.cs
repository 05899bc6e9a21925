using System.Diagnostics;
using DagMaster.Benchmarks.Workers;

namespace DagMaster.Benchmarks.Rows;

/// <summary>
/// Hop latencies of chain jobs from the workers' records: for each task t(i) with a recorded predecessor t(i-1)
/// of the same job, the time from t(i-1)'s <c>complete</c> answer (and, as an upper bound, from sending that
/// <c>complete</c>) to the claim answer that delivered t(i).
/// </summary>
public sealed class HopAnalysis
{
    private HopAnalysis(List<double> fromAck, List<double> fromSend, List<double> completeCalls, int beforeAck)
    {
        CompleteCalls = new Stats(completeCalls);
        FromAck = new Stats(fromAck);
        FromSend = new Stats(fromSend);
        DeliveredBeforeAck = beforeAck;
    }

    /// <summary>Complete answered → successor delivered (0 when the successor arrived first).</summary>
    public Stats FromAck { get; }

    /// <summary>Complete sent → successor delivered: includes the complete call's own processing.</summary>
    public Stats FromSend { get; }

    /// <summary>How long the <c>complete</c> calls themselves took (sent → answered).</summary>
    public Stats CompleteCalls { get; }

    /// <summary>Successors that reached the waiting claim before the worker had the complete's answer.</summary>
    public int DeliveredBeforeAck { get; }

    public static HopAnalysis Of(IEnumerable<TaskRecord> records, IReadOnlySet<string> jobIds)
    {
        var fromAck = new List<double>();
        var fromSend = new List<double>();
        var completeCalls = new List<double>();
        var beforeAck = 0;
        foreach (var job in records.Where(r => jobIds.Contains(r.JobId) && r.NodeId.StartsWith('t')).GroupBy(r => r.JobId))
        {
            var byNode = job.ToDictionary(r => r.NodeId, StringComparer.Ordinal);
            foreach (var record in job)
            {
                completeCalls.Add(Milliseconds(record.CompleteAcked - record.CompleteSent));
                var index = int.Parse(record.NodeId[1..], System.Globalization.CultureInfo.InvariantCulture);
                if (index == 0 || !byNode.TryGetValue(BenchWorkflows.ChainNode(index - 1), out var previous))
                {
                    continue;
                }

                var ack = Milliseconds(record.Received - previous.CompleteAcked);
                if (ack < 0)
                {
                    beforeAck++;
                }

                fromAck.Add(Math.Max(0, ack));
                fromSend.Add(Milliseconds(record.Received - previous.CompleteSent));
            }
        }

        return new HopAnalysis(fromAck, fromSend, completeCalls, beforeAck);
    }

    public Dictionary<string, object?> ToJson() => new()
    {
        ["complete_answered_to_successor"] = FromAck.ToJson(),
        ["complete_sent_to_successor"] = FromSend.ToJson(),
        ["complete_call"] = CompleteCalls.ToJson(),
        ["successor_before_complete_answer"] = DeliveredBeforeAck,
    };

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

using Azure.Messaging.ServiceBus;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Jobs.ApplyTaskResults;
using FluentValidation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

/// <summary>
/// Applies the reports workers send to the results queue through the same group commit as the HTTP callbacks. A message
/// is completed only after its report committed; a message that can never be applied (not a report, no such task,
/// refused by validation) is dead-lettered with the reason; a transient database error abandons it for redelivery.
/// </summary>
internal sealed partial class ResultQueueProcessor(
    ServiceBusSenders senders,
    TaskResults results,
    IOptions<ServiceBusSettings> settings,
    ILogger<ResultQueueProcessor> logger) : BackgroundService
{
    private ServiceBusProcessor? _processor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _processor = senders.Client.CreateProcessor(settings.Value.ResultsQueue, new ServiceBusProcessorOptions
        {
            AutoCompleteMessages = false,
            MaxConcurrentCalls = Math.Max(1, settings.Value.ResultConcurrency),
            PrefetchCount = Math.Max(1, settings.Value.ResultConcurrency) * 2,
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
        });
        _processor.ProcessMessageAsync += ProcessAsync;
        _processor.ProcessErrorAsync += args =>
        {
            LogReceiveError(args.ErrorSource.ToString(), args.Exception.Message);
            return Task.CompletedTask;
        };
        await _processor.StartProcessingAsync(stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped more than once (the test host does): only the first stop closes the processor.
        if (Interlocked.Exchange(ref _processor, null) is { } processor)
        {
            await processor.StopProcessingAsync(cancellationToken);
            await processor.DisposeAsync();
        }

        await base.StopAsync(cancellationToken);
    }

    private async Task ProcessAsync(ProcessMessageEventArgs args)
    {
        var report = ResultMessageReader.Read(args.Message.Body, out var problem);
        if (report is null)
        {
            await DeadLetterAsync(args, "invalid_result", problem!);
            return;
        }

        try
        {
            await results.ReportStatusAsync(report, args.CancellationToken);
        }
        catch (ValidationException ex)
        {
            await DeadLetterAsync(args, "invalid_result", string.Join("; ", ex.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
            return;
        }
        catch (NotFoundException ex)
        {
            await DeadLetterAsync(args, "task_not_found", ex.Message);
            return;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ConcurrentWriteException or InvalidOperationException
                                       && !args.CancellationToken.IsCancellationRequested)
        {
            LogAbandoned(report.TaskId, ex.Message);
            await args.AbandonMessageAsync(args.Message, cancellationToken: CancellationToken.None);
            return;
        }

        await args.CompleteMessageAsync(args.Message, CancellationToken.None);
    }

    private async Task DeadLetterAsync(ProcessMessageEventArgs args, string reason, string description)
    {
        LogDeadLettered(args.Message.MessageId, reason, description);
        var cut = description.Length > 1024 ? description[..1024] : description;
        await args.DeadLetterMessageAsync(args.Message, reason, cut, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Results queue: receiving failed at {Source}: {Reason}")]
    private partial void LogReceiveError(string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Results queue: report of task {TaskId} abandoned for redelivery: {Reason}")]
    private partial void LogAbandoned(string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Results queue: message {MessageId} dead-lettered ({Reason}): {Description}")]
    private partial void LogDeadLettered(string messageId, string reason, string description);
}

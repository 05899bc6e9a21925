using Azure.Identity;
using Azure.Messaging.ServiceBus;
using DagMaster.Worker.Client;
using Microsoft.Extensions.Logging;

namespace DagMaster.Worker.Hosting;

/// <summary>
/// The Service Bus transport: one peek-lock <see cref="ServiceBusProcessor"/> per queue in <see cref="WorkerOptions.Queues"/>,
/// all sharing the worker's concurrency slots, locks renewed for as long as a handler runs. Each message is run by
/// the <see cref="TaskRunner"/>, its results go to the results queue, and the message is completed only after its result
/// was sent (or when DagMaster stopped the task); otherwise it is abandoned and delivered again. Messages that are not
/// task messages are dead-lettered with reason <c>invalid_task_message</c>.
/// </summary>
internal sealed class ServiceBusTaskSource : ITaskSource
{
    private readonly TaskRunner _runner;
    private readonly WorkerOptions _options;
    private readonly ILogger _logger;
    private readonly ServiceBusClient _client;
    private readonly ServiceBusSender _resultsSender;
    private readonly ServiceBusResultReporter _reporter;
    private readonly List<ServiceBusProcessor> _processors = [];
    private Task _stopped = Task.CompletedTask;

    public ServiceBusTaskSource(TaskRunner runner, WorkerOptions options, ILogger logger)
    {
        _runner = runner;
        _options = options;
        _logger = logger;
        var settings = options.ServiceBus;
        var clientOptions = new ServiceBusClientOptions
        {
            RetryOptions = new ServiceBusRetryOptions
            {
                Mode = ServiceBusRetryMode.Exponential,
                MaxRetries = settings.MaxRetries,
                Delay = settings.RetryDelay,
                MaxDelay = options.MaxRetryDelay < settings.RetryDelay ? settings.RetryDelay : options.MaxRetryDelay,
                TryTimeout = settings.TryTimeout,
            },
        };
        _client = string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? new ServiceBusClient(settings.FullyQualifiedNamespace, new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = settings.ManagedIdentityClientId,
                ExcludeInteractiveBrowserCredential = true,
            }), clientOptions)
            : new ServiceBusClient(settings.ConnectionString, clientOptions);
        _resultsSender = _client.CreateSender(settings.ResultsQueue);
        _reporter = new ServiceBusResultReporter(_resultsSender, options.WorkerId);
    }

    public string Describe() =>
        $"consuming Service Bus queues {string.Join(", ", _options.Queues)} at {_client.FullyQualifiedNamespace}, results to {_options.ServiceBus.ResultsQueue}";

    public async Task RunAsync(RunningTasks running, CancellationToken stoppingToken)
    {
        foreach (var queue in _options.Queues)
        {
            var processor = _client.CreateProcessor(queue, new ServiceBusProcessorOptions
            {
                ReceiveMode = ServiceBusReceiveMode.PeekLock,
                AutoCompleteMessages = false,
                PrefetchCount = 0,

                // Each processor may take up to the worker's concurrency; the shared slots bound the total.
                MaxConcurrentCalls = _options.MaxConcurrency,

                // A handler ends by its timeout_seconds at the latest; renew its lock for as long as it runs.
                MaxAutoLockRenewalDuration = Timeout.InfiniteTimeSpan,
            });
            processor.ProcessMessageAsync += args => OnMessageAsync(queue, args, running, stoppingToken);
            processor.ProcessErrorAsync += OnErrorAsync;
            _processors.Add(processor);
        }

        foreach (var processor in _processors)
        {
            await processor.StartProcessingAsync(CancellationToken.None);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: no new messages from here on; the host drains the running ones.
        }

        // StopProcessingAsync returns once the running handlers have returned, which the drain decides.
        _stopped = Task.WhenAll(_processors.Select(p => p.StopProcessingAsync(CancellationToken.None)));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stopped;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Stopping the Service Bus processors failed");
        }

        foreach (var processor in _processors)
        {
            await processor.DisposeAsync();
        }

        await _resultsSender.DisposeAsync();
        await _client.DisposeAsync();
    }

    private async Task OnMessageAsync(string queue, ProcessMessageEventArgs args, RunningTasks running, CancellationToken stoppingToken)
    {
        TaskMessage task;
        try
        {
            task = ServiceBusTaskMessages.Parse(args.Message.Body.ToMemory().Span, queue);
        }
        catch (InvalidTaskMessageException ex)
        {
            _logger.LogWarning("Message {MessageId} on queue {Queue} is not a task message ({Problem}); dead-lettering it", args.Message.MessageId, queue, ex.Message);
            await SettleAsync(args, "dead-letter", () => args.DeadLetterMessageAsync(args.Message, InvalidTaskMessageException.DeadLetterReason, ex.Message, CancellationToken.None));
            return;
        }

        try
        {
            await running.Slots.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            await SettleAsync(args, "abandon", () => args.AbandonMessageAsync(args.Message, cancellationToken: CancellationToken.None));
            return;
        }

        var run = _runner.RunAsync(task, _reporter, running);
        running.Add(run);
        var result = await run;
        if (result is TaskRunResult.Reported or TaskRunResult.Stopped)
        {
            await SettleAsync(args, "complete", () => args.CompleteMessageAsync(args.Message, CancellationToken.None));
        }
        else
        {
            _logger.LogWarning("Task {TaskId} ended {Result}; abandoning its message so it is delivered again", task.TaskId, result);
            await SettleAsync(args, "abandon", () => args.AbandonMessageAsync(args.Message, cancellationToken: CancellationToken.None));
        }
    }

    private async Task SettleAsync(ProcessMessageEventArgs args, string settlement, Func<Task> settle)
    {
        try
        {
            await settle();
        }
        catch (Exception ex)
        {
            // The lock lapses and the message is delivered again; a repeated result is dropped by duplicate detection.
            _logger.LogWarning(ex, "Could not {Settlement} message {MessageId}; it will be delivered again", settlement, args.Message.MessageId);
        }
    }

    private Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        _logger.LogWarning(args.Exception, "Service Bus {Source} error on {EntityPath}", args.ErrorSource, args.EntityPath);
        return Task.CompletedTask;
    }
}

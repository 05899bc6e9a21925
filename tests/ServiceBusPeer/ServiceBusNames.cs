namespace DagMaster.Testing.ServiceBus;

/// <summary>The Service Bus names the SDK and the peer agree on: conditions, annotations, properties, operations.</summary>
internal static class ServiceBusNames
{
    public const string DeadLetterQueueSuffix = "/$DeadLetterQueue";
    public const string ManagementSuffix = "/$management";
    public const string CbsAddress = "$cbs";

    public const string ServerBusy = "com.microsoft:server-busy";
    public const string MessageLockLost = "com.microsoft:message-lock-lost";
    public const string DeadLetterCondition = "com.microsoft:dead-letter";
    public const string MessageSizeExceeded = "amqp:link:message-size-exceeded";
    public const string NotImplemented = "amqp:not-implemented";
    public const string InvalidField = "amqp:invalid-field";

    public const string LockedUntilAnnotation = "x-opt-locked-until";
    public const string SequenceNumberAnnotation = "x-opt-sequence-number";
    public const string EnqueuedTimeAnnotation = "x-opt-enqueued-time";
    public const string ScheduledEnqueueTimeAnnotation = "x-opt-scheduled-enqueue-time";
    public const string DeadLetterSourceAnnotation = "x-opt-deadletter-source";

    public const string DeadLetterReasonProperty = "DeadLetterReason";
    public const string DeadLetterDescriptionProperty = "DeadLetterErrorDescription";
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    public const string OperationProperty = "operation";
    public const string StatusCodeProperty = "statusCode";
    public const string StatusDescriptionProperty = "statusDescription";
    public const string ErrorConditionProperty = "errorCondition";
    public const string RenewLockOperation = "com.microsoft:renew-lock";
    public const string UpdateDispositionOperation = "com.microsoft:update-disposition";
    public const string LockTokensKey = "lock-tokens";
    public const string DispositionStatusKey = "disposition-status";
    public const string DeadLetterReasonKey = "deadletter-reason";
    public const string DeadLetterDescriptionKey = "deadletter-description";
    public const string PropertiesToModifyKey = "properties-to-modify";
    public const string ExpirationsKey = "expirations";

    public const string CbsStatusCodeProperty = "status-code";
    public const string CbsStatusDescriptionProperty = "status-description";
}

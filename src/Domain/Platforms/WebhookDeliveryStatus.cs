namespace DagMaster.Domain.Platforms;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

namespace DagMaster.Application.Platforms.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 500);
        RuleFor(q => q.RequestId).MaximumLength(128);
    }
}

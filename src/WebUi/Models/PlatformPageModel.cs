using DagMaster.Application.Jobs.ListJobs;
using DagMaster.Application.Platforms.Common;
using DagMaster.Application.Platforms.ListWebhookDeliveries;

namespace DagMaster.WebUi.Models;

public sealed record PlatformPageModel(
    PlatformDto Platform,
    IReadOnlyList<WebhookDeliveryDto> Deliveries,
    IReadOnlyList<JobSummaryDto> RecentJobs,
    bool CanOperate);

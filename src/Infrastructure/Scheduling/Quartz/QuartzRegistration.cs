using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DagMaster.Infrastructure.Scheduling.Quartz;

internal static class QuartzRegistration
{
    public static IServiceCollection AddSweep(this IServiceCollection services, TimeSpan interval)
    {
        services.AddQuartz(quartz =>
        {
            var key = new JobKey("dagmaster-sweep");
            quartz.AddJob<SweepJob>(job => job.WithIdentity(key));
            quartz.AddTrigger(trigger => trigger
                .ForJob(key)
                .WithIdentity("dagmaster-sweep-trigger")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vibe.Application.Common.Behaviours;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Executors.SharedActions;
using Vibe.Application.Runs;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Application.Runs.RecordRunOutcome;

namespace Vibe.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the use cases' collaborators: validators, the pipeline behaviours (validation first, then the
    /// transient-database retry), the executor registry with the shared steps and the "shell" executor.
    /// The mediator itself is generated and added by the host (<c>AddMediator</c>).
    /// </summary>
    public static IServiceCollection AddVibeApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<ExecutorRegistry>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransientDatabaseRetryBehaviour<,>));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TransientDatabasePolicy>();
        services.TryAddSingleton(new RunLeaseOptions());

        // Without a worker in the process there is nobody to wake; the infrastructure replaces this.
        services.TryAddSingleton<IRunQueueSignal, NoWorkerToWake>();

        services.AddSingleton<ISharedAction, WaitAction>();
        services.AddSingleton<ISharedAction, LogAction>();
        services.AddSingleton<ISharedAction, SetAction>();
        services.AddSingleton<IRobotExecutor, ShellExecutor>();
        services.TryAddSingleton<ExecutorRegistry>();
        services.TryAddScoped<RobotRunner>();
        services.TryAddSingleton<RunFollowUp>();
        services.TryAddScoped<RunOutcomeRecorder>();
        services.TryAddScoped<ForegroundStart>();
        services.TryAddSingleton(Runs.StoreRunEvidence.EvidenceStoreLimit.Default);
        services.TryAddSingleton<Runs.StoreRunEvidence.RunEvidenceCopier>();
        services.TryAddScoped<Runs.GetEvidenceFile.RunFileCatalog>();
        services.TryAddSingleton<Runs.CancelRun.CancelRequestWatch>();
        return services;
    }
}

internal sealed class NoWorkerToWake : IRunQueueSignal
{
    public void Notify()
    {
    }
}

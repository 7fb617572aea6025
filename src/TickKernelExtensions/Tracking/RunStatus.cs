namespace TickKernelExtensions.Tracking;

/// <summary>A run's status; the numbers are the ones MLflow's file store writes into <c>meta.yaml</c> (<c>status: 3</c>).</summary>
public enum RunStatus
{
    /// <summary>Started, not ended.</summary>
    Running = 1,

    /// <summary>Scheduled, not started.</summary>
    Scheduled = 2,

    /// <summary>Ended normally.</summary>
    Finished = 3,

    /// <summary>Ended with an error.</summary>
    Failed = 4,

    /// <summary>Stopped from outside.</summary>
    Killed = 5,
}

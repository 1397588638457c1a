namespace FerOrleans.Contracts.Runs;

/// <summary>Life cycle of a run: Pending, Queued, Running, then Completed or Failed.</summary>
[GenerateSerializer]
public enum RunState
{
    /// <summary>Expanded from the spec, not yet handed to a training slot.</summary>
    Pending,

    /// <summary>Waiting in a silo's queue for a free training slot.</summary>
    Queued,

    /// <summary>Training on a slot; progress reports arrive.</summary>
    Running,

    /// <summary>Finished; its result is stored.</summary>
    Completed,

    /// <summary>Stopped by an error; the reason is recorded and a resume starts from the last checkpoint.</summary>
    Failed,

    /// <summary>Was queued or running when its silo went away; a resume continues it from its checkpoint.</summary>
    Interrupted,
}

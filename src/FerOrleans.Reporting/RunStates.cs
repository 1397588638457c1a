namespace FerOrleans.Reporting;

/// <summary>Run state names that the report treats specially.</summary>
public static class RunStates
{
    /// <summary>A run that finished training and testing; only such runs enter the statistics.</summary>
    public const string Completed = "Completed";

    /// <summary>A run that stopped with an error; the report counts it apart from unfinished runs.</summary>
    public const string Failed = "Failed";
}

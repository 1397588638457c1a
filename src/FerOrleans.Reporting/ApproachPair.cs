namespace FerOrleans.Reporting;

/// <summary>Two approaches whose test accuracies the report compares at every split and ratio they share.</summary>
/// <param name="First">The first approach, the sample x of the Mann-Whitney U test.</param>
/// <param name="Second">The second approach, the sample y.</param>
public sealed record ApproachPair(string First, string Second);

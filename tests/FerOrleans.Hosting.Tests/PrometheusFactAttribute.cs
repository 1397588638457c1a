namespace FerOrleans.Hosting.Tests;

/// <summary>
/// A fact that needs the <c>prometheus</c> binary (Debian package prometheus); skipped with the reason when it is
/// not on PATH. CI installs it in <c>.ci/run</c>, so the test runs there.
/// </summary>
public sealed class PrometheusFactAttribute : FactAttribute
{
    public PrometheusFactAttribute()
    {
        if (ExecutableOnPath.Find("prometheus") is null)
        {
            Skip = "prometheus is not on PATH; install it with: apt-get install prometheus";
        }
    }
}

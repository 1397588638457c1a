using System.Diagnostics;

namespace FerOrleans.Hosting.Tests;

public sealed class DeployValidationTests
{
    /// <summary>
    /// Runs tools/validate-deploy.mjs: dashboards against the @grafana/schema dashboard type, the chart's values
    /// against values.schema.json and its rendered manifests against kubernetes-models, yamllint, promtool,
    /// docker-compose config and shellcheck. Needs node and the packages of <c>npm ci</c>.
    /// </summary>
    [Fact]
    public async Task ValidateDeploy_RepositoryFiles_PassEveryCheck()
    {
        var script = RepositoryPaths.Combine("tools", "validate-deploy.mjs");
        using var node = Process.Start(new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, $"validate-deploy.mjs exited {node.ExitCode}:\n{await output}\n{await errors}");
        Assert.Contains("all deployment checks passed", await output);
    }
}

using System.Net;
using FerOrleans.Hosting;
using FerOrleans.Storage;

namespace FerOrleans.Hosting.Tests;

public sealed class FerSiloEnvironmentTests
{
    private const string Connection = "UseDevelopmentStorage=true";

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Read_NoVariables_GivesEmbeddedDefaults()
    {
        var options = FerSiloEnvironment.Read(Variables());

        Assert.Equal(ClusteringKind.Localhost, options.Cluster.Kind);
        Assert.Equal("fer", options.Cluster.ClusterId);
        Assert.Equal(StorageKind.Local, options.Storage.Kind);
        Assert.Equal(11111, options.SiloPort);
        Assert.Equal(30000, options.GatewayPort);
        Assert.Equal(1, options.Slots.CpuSlots);
        Assert.Empty(options.Slots.CudaDevices);
        Assert.False(options.Cluster.Kubernetes);
    }

    [Fact]
    public void Read_ClusterVariables_SetsEveryOption()
    {
        var options = FerSiloEnvironment.Read(Variables(
            ("FER_CLUSTERING", "azuretable"), ("FER_STORAGE_CONNECTION_STRING", Connection), ("FER_STORE_KIND", "azureblob"),
            ("FER_AZURE_CONTAINER", "sweeps"), ("FER_CLUSTER_ID", "c1"), ("FER_SERVICE_ID", "s1"),
            ("FER_SILO_PORT", "12000"), ("FER_GATEWAY_PORT", "31000"), ("FER_ADVERTISED_IP", "10.0.0.7"),
            ("FER_CPU_SLOTS", "0"), ("FER_CUDA_DEVICES", "0, 2"), ("FER_SLOTS_PER_DEVICE", "3"),
            ("FER_TORCH_THREADS", "1"), ("FER_KUBERNETES", "true"), ("FER_METRICS_PORT", "0")));

        Assert.Equal(ClusteringKind.AzureTable, options.Cluster.Kind);
        Assert.Equal(Connection, options.Cluster.TableConnectionString);
        Assert.Equal(StorageKind.AzureBlob, options.Storage.Kind);
        Assert.Equal("sweeps", options.Storage.Container);
        Assert.Equal("c1", options.Cluster.ClusterId);
        Assert.Equal("s1", options.Cluster.ServiceId);
        Assert.Equal(12000, options.SiloPort);
        Assert.Equal(31000, options.GatewayPort);
        Assert.Equal(IPAddress.Parse("10.0.0.7"), options.Cluster.AdvertisedAddress);
        Assert.Equal(0, options.Slots.CpuSlots);
        Assert.Equal([0, 2], options.Slots.CudaDevices);
        Assert.Equal(3, options.Slots.SlotsPerDevice);
        Assert.Equal(1, options.Slots.TorchThreads);
        Assert.True(options.Cluster.Kubernetes);
        Assert.Equal(0, options.MetricsPort);
    }

    [Fact]
    public void Read_LocalStoreWithConnectionString_KeepsBlobsLocalAndTablesInAzure()
    {
        var options = FerSiloEnvironment.Read(Variables(
            ("FER_CLUSTERING", "azuretable"), ("FER_STORAGE_CONNECTION_STRING", Connection),
            ("FER_STORE_KIND", "local"), ("FER_STORE_PATH", "/data/fer")));

        Assert.Equal(StorageKind.Local, options.Storage.Kind);
        Assert.Equal("/data/fer", options.Storage.LocalPath);
        Assert.Null(options.Storage.ConnectionString);
        Assert.Equal(Connection, options.Cluster.TableConnectionString);
    }

    [Theory]
    [InlineData("FER_CLUSTERING", "zookeeper", "use localhost or azuretable")]
    [InlineData("FER_SILO_PORT", "eleven", "must be an integer")]
    [InlineData("FER_CUDA_DEVICES", "0,x", "FER_CUDA_DEVICES='x'")]
    [InlineData("FER_ADVERTISED_IP", "host.local", "is not an IP address")]
    [InlineData("FER_KUBERNETES", "yes", "use true or false")]
    [InlineData("FER_STORE_KIND", "azureblob", "needs FER_STORAGE_CONNECTION_STRING")]
    public void Read_InvalidValue_RejectsNamingVariable(string name, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => FerSiloEnvironment.Read(Variables((name, value))));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Validate_AzureTableWithoutConnectionString_NamesVariables()
    {
        var cluster = new FerClusterOptions { Kind = ClusteringKind.AzureTable };

        var error = Assert.Throws<ArgumentException>(cluster.Validate);

        Assert.Contains("FER_STORAGE_CONNECTION_STRING", error.Message);
    }
}

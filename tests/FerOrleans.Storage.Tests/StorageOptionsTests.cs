namespace FerOrleans.Storage.Tests;

public sealed class StorageOptionsTests : IDisposable
{
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string KeyConnectionString =
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private const string SasSignature = "sig=Zm9vYmFyc2VjcmV0c2lnbmF0dXJl";

    private const string SasConnectionString =
        "BlobEndpoint=https://feraccount.blob.core.windows.net/;" +
        $"SharedAccessSignature=sv=2024-11-04&ss=b&srt=sco&sp=rwdlac&se=2030-01-01T00:00:00Z&{SasSignature}";

    private readonly TempFolder _folder = new("options");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Describe_AccountKeyConnectionString_OmitsKey()
    {
        var options = new StorageOptions { Kind = StorageKind.AzureBlob, ConnectionString = KeyConnectionString };

        string description = options.Describe();

        Assert.Equal(
            "azure blob account devstoreaccount1 at http://127.0.0.1:10000/devstoreaccount1 container fer", description);
        Assert.DoesNotContain(AccountKey, description);
        Assert.DoesNotContain("AccountKey", description);
    }

    [Fact]
    public void Describe_SasConnectionString_OmitsSignature()
    {
        var options = new StorageOptions
        {
            Kind = StorageKind.AzureBlob, ConnectionString = SasConnectionString, Container = "sweeps",
        };

        string description = options.Describe();

        Assert.Equal("azure blob account (name not given) at https://feraccount.blob.core.windows.net/ container sweeps",
            description);
        Assert.DoesNotContain(SasSignature, description);
        Assert.DoesNotContain("SharedAccessSignature", description);
    }

    [Fact]
    public void Describe_DevelopmentStorage_NamesDevelopmentAccount()
    {
        var options = new StorageOptions
        {
            Kind = StorageKind.AzureBlob, ConnectionString = "UseDevelopmentStorage=true",
        };

        Assert.Equal("azure blob account devstoreaccount1 container fer", options.Describe());
    }

    [Fact]
    public void Describe_Local_GivesAbsolutePath()
    {
        var options = new StorageOptions { LocalPath = "data/.fer" };

        Assert.Equal($"local folder {Path.GetFullPath("data/.fer")}", options.Describe());
    }

    [Fact]
    public void ToString_AzureOptions_OmitsSecrets()
    {
        var keyOptions = new StorageOptions { Kind = StorageKind.AzureBlob, ConnectionString = KeyConnectionString };
        var sasOptions = new StorageOptions { Kind = StorageKind.AzureBlob, ConnectionString = SasConnectionString };

        Assert.DoesNotContain(AccountKey, keyOptions.ToString());
        Assert.DoesNotContain(SasSignature, sasOptions.ToString());
        Assert.Contains("devstoreaccount1", keyOptions.ToString());
    }

    [Fact]
    public void Defaults_AreLocalDotFerAndContainerFer()
    {
        var options = new StorageOptions();

        Assert.Equal(StorageKind.Local, options.Kind);
        Assert.Equal(".fer", options.LocalPath);
        Assert.Equal("fer", options.Container);
        Assert.Null(options.ConnectionString);
    }

    [Fact]
    public void FromEnvironment_ConnectionStringFile_ReadsTrimmedContent()
    {
        string path = Path.Combine(_folder.Path, "connection-string");
        File.WriteAllText(path, KeyConnectionString + "\n");
        var variables = new Dictionary<string, string?> { [StorageOptions.ConnectionStringFileVariable] = path };

        StorageOptions options = StorageOptions.FromEnvironment(readVariable: variables.GetValueOrDefault);

        Assert.Equal(StorageKind.AzureBlob, options.Kind);
        Assert.Equal(KeyConnectionString, options.ConnectionString);
        Assert.Equal(StorageOptions.DefaultContainer, options.Container);
    }

    [Fact]
    public void FromEnvironment_ConnectionStringVariable_SelectsAzure()
    {
        var variables = new Dictionary<string, string?>
        {
            [StorageOptions.ConnectionStringVariable] = KeyConnectionString,
        };
        var defaults = new StorageOptions { Container = "sweeps" };

        StorageOptions options = StorageOptions.FromEnvironment(defaults, variables.GetValueOrDefault);

        Assert.Equal(StorageKind.AzureBlob, options.Kind);
        Assert.Equal(KeyConnectionString, options.ConnectionString);
        Assert.Equal("sweeps", options.Container);
    }

    [Fact]
    public void FromEnvironment_NothingSet_SelectsLocalWithDefaultsPath()
    {
        var defaults = new StorageOptions { LocalPath = "/var/lib/fer" };

        StorageOptions options = StorageOptions.FromEnvironment(defaults, _ => null);

        Assert.Equal(StorageKind.Local, options.Kind);
        Assert.Equal("/var/lib/fer", options.LocalPath);
        Assert.Null(options.ConnectionString);
    }

    [Fact]
    public void FromEnvironment_BothVariablesSet_ThrowsNamingBoth()
    {
        var variables = new Dictionary<string, string?>
        {
            [StorageOptions.ConnectionStringVariable] = KeyConnectionString,
            [StorageOptions.ConnectionStringFileVariable] = "/run/secrets/storage",
        };

        var ex = Assert.Throws<InvalidOperationException>(
            () => StorageOptions.FromEnvironment(readVariable: variables.GetValueOrDefault));

        Assert.Contains(StorageOptions.ConnectionStringVariable, ex.Message);
        Assert.Contains(StorageOptions.ConnectionStringFileVariable, ex.Message);
    }

    [Fact]
    public void FromEnvironment_MissingFile_ThrowsNamingPathAndVariable()
    {
        string path = Path.Combine(_folder.Path, "missing");
        var variables = new Dictionary<string, string?> { [StorageOptions.ConnectionStringFileVariable] = path };

        var ex = Assert.Throws<FileNotFoundException>(
            () => StorageOptions.FromEnvironment(readVariable: variables.GetValueOrDefault));

        Assert.Contains(path, ex.Message);
        Assert.Contains(StorageOptions.ConnectionStringFileVariable, ex.Message);
    }

    [Fact]
    public void FromEnvironment_EmptyFile_Throws()
    {
        string path = Path.Combine(_folder.Path, "empty");
        File.WriteAllText(path, "  \n");
        var variables = new Dictionary<string, string?> { [StorageOptions.ConnectionStringFileVariable] = path };

        var ex = Assert.Throws<InvalidOperationException>(
            () => StorageOptions.FromEnvironment(readVariable: variables.GetValueOrDefault));

        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void Validate_AzureWithoutConnectionString_ThrowsNamingVariables()
    {
        var options = new StorageOptions { Kind = StorageKind.AzureBlob };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(StorageOptions.ConnectionStringVariable, ex.Message);
    }

    [Theory]
    [InlineData("ab", "3 to 63")]
    [InlineData("Fer", "lowercase")]
    [InlineData("-fer", "start and end")]
    [InlineData("fer--runs", "consecutive")]
    public void Validate_InvalidContainer_ThrowsNamingRule(string container, string rule)
    {
        var options = new StorageOptions
        {
            Kind = StorageKind.AzureBlob, ConnectionString = KeyConnectionString, Container = container,
        };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains($"'{container}'", ex.Message);
        Assert.Contains(rule, ex.Message);
    }
}

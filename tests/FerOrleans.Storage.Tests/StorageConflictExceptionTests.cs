namespace FerOrleans.Storage.Tests;

public sealed class StorageConflictExceptionTests
{
    [Fact]
    public void Message_StaleETag_NamesKeyAndBothETags()
    {
        var ex = new StorageConflictException("state.json", "e1", "e2");

        Assert.Contains("'state.json'", ex.Message);
        Assert.Contains("required ETag e1", ex.Message);
        Assert.Contains("has ETag e2", ex.Message);
    }

    [Fact]
    public void Message_CreateOnExisting_SaysKeyWasRequiredAbsent()
    {
        var ex = new StorageConflictException("state.json", null, "e2");

        Assert.Contains("required the key to be absent", ex.Message);
        Assert.Contains("has ETag e2", ex.Message);
    }

    [Fact]
    public void Message_IfMatchOnMissing_SaysNoBlobIsStored()
    {
        var ex = new StorageConflictException("state.json", "e1", null);

        Assert.Contains("no blob is stored there", ex.Message);
    }
}

namespace FerOrleans.Storage.Tests;

public sealed class BlobKeyTests
{
    [Theory]
    [InlineData("datasets/london-A/shard-0000.bin")]
    [InlineData("a")]
    [InlineData("results/lr=0.001+wd=1e-4/run_1.json")]
    [InlineData(".hidden/..x/x..")]
    public void Validate_ValidKey_DoesNotThrow(string key)
    {
        BlobKey.Validate(key);
    }

    [Fact]
    public void Validate_KeyOfMaxLength_DoesNotThrow()
    {
        string segment = new('s', BlobKey.MaxSegmentLength);
        string key = string.Join('/', Enumerable.Repeat(segment, 6))[..BlobKey.MaxLength];

        BlobKey.Validate(key);
    }

    [Fact]
    public void Validate_LongSegment_ThrowsNamingLimit()
    {
        string key = "datasets/" + new string('s', BlobKey.MaxSegmentLength + 1);

        var ex = Assert.Throws<ArgumentException>(() => BlobKey.Validate(key));

        Assert.Contains($"at most {BlobKey.MaxSegmentLength}", ex.Message);
    }

    [Fact]
    public void Validate_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => BlobKey.Validate(null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("datasets/")]
    [InlineData("datasets/lon")]
    [InlineData("datasets/.")]
    public void ValidatePrefix_ValidPrefix_DoesNotThrow(string prefix)
    {
        BlobKey.ValidatePrefix(prefix);
    }

    [Theory]
    [InlineData("datasets//", "empty segments")]
    [InlineData("./datasets", "'.'")]
    public void ValidatePrefix_InvalidInnerSegment_ThrowsNamingRule(string prefix, string rule)
    {
        var ex = Assert.Throws<ArgumentException>(() => BlobKey.ValidatePrefix(prefix));

        Assert.Contains(rule, ex.Message);
    }
}

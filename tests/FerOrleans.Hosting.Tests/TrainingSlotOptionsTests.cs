using FerOrleans.Grains.Training;

namespace FerOrleans.Hosting.Tests;

public sealed class TrainingSlotOptionsTests
{
    [Fact]
    public void Declare_CpuAndDevices_BindsEachSlotToItsDevice()
    {
        var options = new TrainingSlotOptions { CpuSlots = 1, CudaDevices = [0, 3], SlotsPerDevice = 2 };

        var slots = options.Declare();

        Assert.Equal(["cpu", "cuda:0", "cuda:0", "cuda:3", "cuda:3"], slots.Select(s => s.DeviceName));
        Assert.Equal([0, 1, 2, 3, 4], slots.Select(s => s.Index));
    }

    [Fact]
    public void Declare_NoSlots_GivesSiloThatNeverTrains()
    {
        Assert.Empty(new TrainingSlotOptions { CpuSlots = 0 }.Declare());
    }

    [Theory]
    [InlineData(-1, 1, new[] { 0 }, "CpuSlots")]
    [InlineData(0, 0, new[] { 0 }, "SlotsPerDevice")]
    [InlineData(0, 1, new[] { -2 }, "device ids are 0 or more")]
    [InlineData(0, 1, new[] { 1, 1 }, "more than once")]
    public void Declare_InvalidOptions_RejectsNamingSetting(int cpu, int perDevice, int[] devices, string expected)
    {
        var options = new TrainingSlotOptions { CpuSlots = cpu, SlotsPerDevice = perDevice, CudaDevices = devices };

        var error = Assert.Throws<ArgumentException>(() => options.Declare());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ThrowIfMissingDevices_IdBeyondCount_NamesIdAndCount()
    {
        var options = new TrainingSlotOptions { CudaDevices = [0, 2] };

        var error = Assert.Throws<InvalidOperationException>(() => options.ThrowIfMissingDevices(2));

        Assert.Contains("CUDA device(s) 2", error.Message);
        Assert.Contains("torch.cuda.device_count() is 2 (ids 0 to 1)", error.Message);
    }

    [Fact]
    public void ThrowIfMissingDevices_AllPresent_Accepts()
    {
        new TrainingSlotOptions { CudaDevices = [0, 1] }.ThrowIfMissingDevices(2);
    }
}

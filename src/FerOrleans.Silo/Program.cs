using FerOrleans.Grains.Training;
using FerOrleans.Hosting;
using FerOrleans.Storage;

// A stand-alone silo configured from the environment (FER_* variables), as containers run it.
var options = new FerSiloOptions
{
    Storage = StorageOptions.FromEnvironment(),
    SiloPort = EnvironmentInt("FER_SILO_PORT", 11111),
    GatewayPort = EnvironmentInt("FER_GATEWAY_PORT", 30000),
    MetricsHost = Environment.GetEnvironmentVariable("FER_METRICS_HOST") ?? "127.0.0.1",
    MetricsPort = EnvironmentInt("FER_METRICS_PORT", 9464),
    Slots = new TrainingSlotOptions { CpuSlots = EnvironmentInt("FER_CPU_SLOTS", 1) },
};

await using var app = FerSiloHost.Build(options);
await app.RunAsync();

static int EnvironmentInt(string name, int fallback)
{
    var text = Environment.GetEnvironmentVariable(name);
    if (text is null)
    {
        return fallback;
    }
    return int.TryParse(text, out var value)
        ? value
        : throw new ArgumentException($"Environment variable {name}='{text}' must be an integer.");
}

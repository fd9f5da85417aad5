using BenchmarkDotNet.Running;

namespace Geo.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ch")
        {
            Environment.Exit(Scaling.ChRun.Run(args[1..]));
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

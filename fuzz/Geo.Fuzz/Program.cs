using Geo.Fuzz;
using SharpFuzz;

// geo-fuzz <target>            under afl-fuzz (input on stdin, SharpFuzz out-of-process protocol)
// geo-fuzz <target> <file>...  replays files (crash triage, corpus checks): prints "ok" or the unexpected exception
if (args.Length == 0 || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine("usage: geo-fuzz <" + string.Join("|", Targets.All.Keys) + "> [input files to replay]");
    return 2;
}
if (args.Length > 1)
{
    var failures = 0;
    foreach (var file in args[1..])
    {
        try
        {
            Targets.RunExpected(target, File.ReadAllBytes(file));
            Console.WriteLine("ok   " + file);
        }
        catch (Exception ex)
        {
            failures++;
            Console.WriteLine("FAIL " + file + ": " + ex);
        }
    }
    return failures == 0 ? 0 : 1;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    Targets.RunExpected(target, buffer.ToArray());
});
return 0;

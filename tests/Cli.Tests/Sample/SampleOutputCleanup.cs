using NUnit.Framework;

namespace Geo.Cli.Tests.Sample;

/// <summary>Deletes the shared generated sample folder after the sample fixtures have run.</summary>
[SetUpFixture]
public sealed class SampleOutputCleanup
{
    [OneTimeTearDown]
    public void DeleteGeneratedFolder() => SampleOutput.DeleteIfGenerated();
}

using System.Globalization;
using System.Text;
using Geo.Routing.Output;
using NUnit.Framework;

namespace Geo.Routing.Tests.Output;

[TestFixture]
public sealed class MatrixNumberFormatTests
{
    private static string Fast(double value, int decimals)
    {
        var buffer = new byte[64];
        return Encoding.UTF8.GetString(buffer, 0, MatrixNumberFormat.Write(value, decimals, buffer));
    }

    private static string Reference(double value, int decimals) => Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture);

    [Test]
    public void Write_RandomMatrixValues_SameTextAsMathRoundToString()
    {
        var random = new Random(5);
        for (var i = 0; i < 300_000; i++)
        {
            var decimals = i % 4;
            // minutes from whole milliseconds, km from whole millimetres, and arbitrary doubles of every magnitude
            var value = (i % 3) switch
            {
                0 => random.Next(0, 100_000_000) / 60_000.0,
                1 => random.Next(0, int.MaxValue) / 1_000_000.0,
                _ => random.NextDouble() * Math.Pow(10, random.Next(-6, 18)),
            };
            Assert.That(Fast(value, decimals), Is.EqualTo(Reference(value, decimals)), $"{value:R} to {decimals}");
        }
    }

    [TestCase(0.0, 2)]
    [TestCase(-0.0, 2)]
    [TestCase(-3.14159, 2)]
    [TestCase(0.005, 2)]
    [TestCase(0.015, 2)]
    [TestCase(2.675, 2)]
    [TestCase(1e300, 1)]
    [TestCase(12.5, 0)]
    [TestCase(13.5, 0)]
    [TestCase(9.9999, 3)]
    [TestCase(0.5, 5)]
    public void Write_EdgeValues_SameTextAsMathRoundToString(double value, int decimals) =>
        Assert.That(Fast(value, decimals), Is.EqualTo(Reference(value, decimals)));
}

using Geo.Catchment.Need;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Need;

[TestFixture]
public sealed class NeedExpressionTests
{
    private static readonly Dictionary<string, double[]> Columns = new()
    {
        ["population"] = [1000, 2000],
        ["age65plus"] = [100, 300],
        ["MF50-84"] = [400, 500],
    };

    [Test]
    public void Evaluate_WeightedSum_ComputesPerZone()
    {
        var need = NeedExpression.Parse("population*1 + age65plus*2").Evaluate(Columns, 2);
        Assert.That(need, Is.EqualTo(new[] { 1200.0, 2600.0 }));
    }

    [Test]
    public void Evaluate_PrecedenceParenthesesUnaryMinusDivision_FollowArithmetic()
    {
        var need = NeedExpression.Parse("(population - age65plus) / 2 + -1 * -3 + 1e2").Evaluate(Columns, 2);
        Assert.That(need, Is.EqualTo(new[] { 450.0 + 3 + 100, 850.0 + 3 + 100 }));
    }

    [Test]
    public void Evaluate_QuotedColumnAndCaseInsensitiveName_Resolved()
    {
        var expression = NeedExpression.Parse("\"MF50-84\" + POPULATION*0");
        Assert.Multiple(() =>
        {
            Assert.That(expression.Columns, Is.EqualTo(new[] { "MF50-84", "POPULATION" }));
            Assert.That(expression.Evaluate(Columns, 2), Is.EqualTo(new[] { 400.0, 500.0 }));
        });
    }

    [Test]
    public void Evaluate_WholeTextIsAColumnWithAHyphen_MeansThatColumn()
    {
        var need = NeedExpression.Parse("MF50-84").Evaluate(Columns, 2);
        Assert.That(need, Is.EqualTo(Columns["MF50-84"]));
    }

    [Test]
    public void Evaluate_UnknownColumn_ErrorListsAvailableColumns()
    {
        var error = Assert.Throws<NeedExpressionException>(() => NeedExpression.Parse("population + over65").Evaluate(Columns, 2));
        Assert.That(error!.Message, Does.Contain("unknown column 'over65'").And.Contain("age65plus, MF50-84, population"));
    }

    [Test]
    public void Evaluate_NegativeResult_ErrorNamesZone()
    {
        var error = Assert.Throws<NeedExpressionException>(() => NeedExpression.Parse("age65plus - 200").Evaluate(Columns, 2, ["E01", "E02"]));
        Assert.That(error!.Message, Does.Contain("zone 'E01'").And.Contain("-100"));
    }

    [Test]
    public void Evaluate_MissingValue_ErrorNamesColumnAndZone()
    {
        var columns = new Dictionary<string, double[]> { ["population"] = [1, double.NaN] };
        var error = Assert.Throws<NeedExpressionException>(() => NeedExpression.Parse("population").Evaluate(columns, 2, ["E01", "E02"]));
        Assert.That(error!.Message, Does.Contain("'population'").And.Contain("zone 'E02'"));
    }

    [TestCase("population *")]
    [TestCase("population age65plus")]
    [TestCase("(population")]
    [TestCase("population # 2")]
    [TestCase("\"unterminated")]
    public void Parse_SyntaxError_ThrowsWithPosition(string text)
    {
        var error = Assert.Throws<NeedExpressionException>(() => NeedExpression.Parse(text));
        Assert.That(error!.Message, Does.Contain(text));
    }

    [Test]
    public void AddDerivedColumns_Deciles_GivesCore20Flag()
    {
        var columns = new Dictionary<string, double[]>();
        NeedExpression.AddDerivedColumns(columns, [1, 2, 3, 0, 10]);
        Assert.Multiple(() =>
        {
            Assert.That(columns["imd_core20"], Is.EqualTo(new[] { 1.0, 1, 0, 0, 0 }));
            Assert.That(columns["imd_quintile"], Is.EqualTo(new[] { 1.0, 1, 2, 0, 5 }));
        });
    }
}

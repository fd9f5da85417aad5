using Geo.Catchment.Accessibility;
using Geo.Catchment.Inputs;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Accessibility;

[TestFixture]
public sealed class AccessibilityIndicesTests
{
    // Zones A (demand 100), B (200); sites X (capacity 10), Y (20). Minutes: A-X 5, A-Y 25, B-X 15, B-Y 8.
    private static readonly TravelMatrix TwoByTwo = new("car", ["A", "B"], ["X", "Y"], [5, 25, 15, 8]);
    private static readonly double[] Demand = [100, 200];
    private static readonly double[] Capacity = [10, 20];

    [Test]
    public void TwoStepFloatingCatchment_TwoByTwo_MatchesHandComputation()
    {
        // R_X = 10 / (100 + 200) (A at 5, B at 15 within 20); R_Y = 20 / 200 (A at 25 is outside).
        // A_A = R_X = 1/30; A_B = R_X + R_Y = 1/30 + 1/10.
        var access = AccessibilityIndices.TwoStepFloatingCatchment(TwoByTwo, Demand, Capacity, 20);
        Assert.That(access, Is.EqualTo(new[] { 1.0 / 30, 1.0 / 30 + 0.1 }).Within(1e-12));
    }

    [Test]
    public void EnhancedTwoStepFloatingCatchment_TwoByTwoBands_MatchesHandComputation()
    {
        // Bands 0-10 weight 1, 10-20 weight 0.5. R_X = 10 / (100*1 + 200*0.5) = 0.05; R_Y = 20 / (200*1) = 0.1.
        // A_A = 0.05*1 = 0.05; A_B = 0.05*0.5 + 0.1*1 = 0.125.
        var access = AccessibilityIndices.EnhancedTwoStepFloatingCatchment(TwoByTwo, Demand, Capacity, DecayFunction.Bands([10, 20], [1, 0.5]), out var ratio);
        Assert.Multiple(() =>
        {
            Assert.That(ratio, Is.EqualTo(new[] { 0.05, 0.1 }).Within(1e-12));
            Assert.That(access, Is.EqualTo(new[] { 0.05, 0.125 }).Within(1e-12));
        });
    }

    [Test]
    public void EnhancedTwoStepFloatingCatchment_RandomInstance_DemandWeightedAccessEqualsReachedSupply()
    {
        // Property of 2SFCA/E2SFCA: sum_i P_i A_i = sum of S_j over sites some demand reaches.
        var random = new Random(7);
        const int Zones = 30, Sites = 6;
        var minutes = Enumerable.Range(0, Zones * Sites).Select(_ => random.NextDouble() < 0.1 ? double.NaN : random.NextDouble() * 60).ToArray();
        var matrix = new TravelMatrix("car", Enumerable.Range(0, Zones).Select(i => "z" + i).ToArray(), Enumerable.Range(0, Sites).Select(j => "s" + j).ToArray(), minutes);
        var demand = Enumerable.Range(0, Zones).Select(_ => (double)random.Next(0, 500)).ToArray();
        var capacity = Enumerable.Range(0, Sites).Select(_ => (double)random.Next(1, 50)).ToArray();
        var decay = DecayFunction.Gaussian(15, 45);
        var access = AccessibilityIndices.EnhancedTwoStepFloatingCatchment(matrix, demand, capacity, decay, out var ratio);
        var reachedSupply = Enumerable.Range(0, Sites).Where(j => ratio[j] > 0).Sum(j => capacity[j]);
        Assert.That(Enumerable.Range(0, Zones).Sum(i => demand[i] * access[i]), Is.EqualTo(reachedSupply).Within(1e-9 * reachedSupply));
    }

    [Test]
    public void Gravity_TwoByTwoExponential_MatchesHandComputation()
    {
        var access = AccessibilityIndices.Gravity(TwoByTwo, [10, 20], DecayFunction.Exponential(0.1));
        Assert.That(access, Is.EqualTo(new[] { 10 * Math.Exp(-0.5) + 20 * Math.Exp(-2.5), 10 * Math.Exp(-1.5) + 20 * Math.Exp(-0.8) }).Within(1e-12));
    }

    [Test]
    public void CumulativeOpportunities_TwoByTwo_CountsWithinThreshold()
    {
        Assert.That(AccessibilityIndices.CumulativeOpportunities(TwoByTwo, [10, 20], 20), Is.EqualTo(new[] { 10.0, 30.0 }));
    }

    [Test]
    public void DecayFunction_Weights_MatchDocumentedFormulas()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DecayFunction.Step(30).Weight(30), Is.EqualTo(1));
            Assert.That(DecayFunction.Step(30).Weight(30.01), Is.EqualTo(0));
            Assert.That(DecayFunction.Linear(30).Weight(15), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(DecayFunction.Exponential(Math.Log(2) / 15).Weight(15), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(DecayFunction.Gaussian(10).Weight(10), Is.EqualTo(Math.Exp(-0.5)).Within(1e-12));
            Assert.That(DecayFunction.Logistic(20, 5).Weight(20), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(DecayFunction.Gaussian(10, 25).Weight(26), Is.EqualTo(0));
            Assert.That(DecayFunction.Step(30).Weight(double.NaN), Is.EqualTo(0));
            Assert.That(DecayFunction.Parse("bands:10=1,20=0.68,30=0.22").Weight(25), Is.EqualTo(0.22));
            Assert.That(DecayFunction.Parse("logistic:20:5").Weight(20), Is.EqualTo(0.5).Within(1e-12));
        });
    }

    [Test]
    public void DecayFunction_ParseUnknownShape_Throws()
    {
        Assert.Throws<ArgumentException>(() => DecayFunction.Parse("cubic:3"));
    }
}

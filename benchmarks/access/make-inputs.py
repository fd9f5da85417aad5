"""Seeded inputs for the geo access benchmark (issue #14): zones.csv (35,672 zones with population), sites.csv
(6,500 GP sites with gp_fte) and a zone x site matrix as `geo matrix --wide` writes it (origin_id, then one minutes
column per site; empty = no route). Minutes are uniform 1.0-180.0 in 0.1 steps, 1 % of pairs have no route. Each zone's
row is one of 997 seeded random rows (pure Python is too slow to draw 232 million values; parsing work is the same).
Usage: python3 make-inputs.py OUT_FOLDER [ZONES] [SITES] [SEED]"""
import os
import random
import sys

out = sys.argv[1]
zones = int(sys.argv[2]) if len(sys.argv) > 2 else 35_672
sites = int(sys.argv[3]) if len(sys.argv) > 3 else 6_500
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
r = random.Random(seed)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "zones.csv"), "w") as f:
    f.write("zone_id,population,lon,lat\n")
    for z in range(zones):
        f.write(f"Z{z:05d},{r.randint(1000, 3000)},{r.uniform(-5.5, 1.7):.5f},{r.uniform(50.0, 55.8):.5f}\n")
with open(os.path.join(out, "sites.csv"), "w") as f:
    f.write("site_id,gp_fte,lon,lat\n")
    for s in range(sites):
        f.write(f"G{s:04d},{r.randint(10, 120) / 10:.1f},{r.uniform(-5.5, 1.7):.5f},{r.uniform(50.0, 55.8):.5f}\n")
values = [f"{m / 10:.1f}" for m in range(10, 1801)] * 99 + [""] * 1791  # 1 % empty (no route)
with open(os.path.join(out, "matrix_wide.csv"), "w") as f:
    f.write("origin_id," + ",".join(f"G{s:04d}" for s in range(sites)) + "\n")
    rows = [",".join(r.choices(values, k=sites)) + "\n" for _ in range(997)]
    for z in range(zones):
        f.write(f"Z{z:05d}," + rows[r.randrange(len(rows))])

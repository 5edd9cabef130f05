"""Runs `textaugment augment` under a Dask cluster over N partitions and checks that the concatenated output equals a
single run, byte for byte, in two ways:

  files   each task runs `--shard K/N -i FILE`: the command seeks to its byte range (Hadoop-style input split), so the N
          tasks read the file once in total; ids from lines, offsets or content all match the single run.
  stdin   Dask reads the file into partitions (dask.bag.read_text with a block size, split at line ends) and each task pipes
          its partition through the command's standard input (as Spark's RDD.pipe() does); `--ids hash` gives every
          record an id from its content, the same in any partition. `--shard K/N` on standard input only tells the
          command it is partition K: the partitions after the first write no header.

Usage (Debian python3-distributed; run by benchmarks/shards/run.sh):
  /usr/bin/python3 benchmarks/shards/dask_shards.py CLI PIPELINE INPUT PARTITIONS WORKDIR
Prints one tab-separated line per run: mode, partitions, seconds, rows, equal (yes/no). Exits 1 when any differs.
"""
import os
import subprocess
import sys
import time

import dask.bag
from distributed import Client, LocalCluster


def augment(cli, pipeline, args, stdin=None):
    done = subprocess.run([cli, "augment", pipeline, "--no-progress", *args], input=stdin, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"textaugment {' '.join(args)} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return done.stdout


def rows(output):
    """Rows of a TSV output, its header line not counted."""
    return output.count(b"\n") - 1


def shard_of_file(cli, pipeline, path, k, n, ids, workdir):
    out = os.path.join(workdir, f"part-{ids}-{k:04d}-of-{n:04d}.tsv")
    augment(cli, pipeline, ["-i", path, "-o", out, "--ids", ids, "--shard", f"{k}/{n}"])
    with open(out, "rb") as f:
        data = f.read()
    os.remove(out)
    return data


def partition_through_stdin(cli, pipeline, lines, k, n):
    return augment(cli, pipeline, ["--input-format", "text", "--output-format", "tsv", "--ids", "hash", "--shard", f"{k}/{n}"],
                   stdin="".join(lines).encode("utf-8"))


def main():
    cli, pipeline, path, partitions, workdir = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    cli, pipeline, path = os.path.abspath(cli), os.path.abspath(pipeline), os.path.abspath(path)
    os.makedirs(workdir, exist_ok=True)
    failures = 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        for ids in ("line", "offset", "hash"):
            start = time.time()
            whole = augment(cli, pipeline, ["-i", path, "--ids", ids, "--output-format", "tsv"])
            single = time.time() - start
            start = time.time()
            futures = [client.submit(shard_of_file, cli, pipeline, path, k, partitions, ids, workdir, pure=False)
                       for k in range(1, partitions + 1)]
            joined = b"".join(client.gather(futures))
            elapsed = time.time() - start
            equal = joined == whole
            failures += not equal
            print(f"single run, ids {ids}\t1\t{single:.2f}\t{rows(whole)}\t-")
            print(f"dask, --shard K/N over the file, ids {ids}\t{partitions}\t{elapsed:.2f}\t{rows(joined)}\t{'yes' if equal else 'NO'}")

        whole = augment(cli, pipeline, ["--input-format", "text", "--output-format", "tsv", "--ids", "hash"],
                        stdin=open(path, "rb").read())
        size = os.path.getsize(path)
        bag = dask.bag.read_text(path, blocksize=max(1, size // partitions + 1))
        parts = bag.to_delayed()
        start = time.time()
        futures = [client.submit(partition_through_stdin, cli, pipeline, client.compute(part), k + 1, len(parts), pure=False)
                   for k, part in enumerate(parts)]
        joined = b"".join(client.gather(futures))
        elapsed = time.time() - start
        equal = joined == whole
        failures += not equal
        print(f"dask, read_text partitions piped through stdin, ids hash\t{len(parts)}\t{elapsed:.2f}\t{rows(joined)}\t{'yes' if equal else 'NO'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

/** Each point's nearest centroid: the cluster k-means put it in, read back from the artefact. */
export function nearestCentroids(
  points: Float32Array,
  width: number,
  centroids: ArrayLike<number>,
): Int32Array {
  const count = points.length / width;
  const k = centroids.length / width;
  const clusters = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      let distance = 0;
      for (let d = 0; d < width; d++) {
        distance += (points[i * width + d]! - centroids[c * width + d]!) ** 2;
      }
      if (distance < best) {
        best = distance;
        clusters[i] = c;
      }
    }
  }
  return clusters;
}

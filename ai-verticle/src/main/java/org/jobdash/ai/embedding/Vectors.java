package org.jobdash.ai.embedding;

import io.vertx.core.json.JsonArray;
import org.jobdash.ai.model.MiniLm;

import java.util.List;
import java.util.function.BiConsumer;

/** Checks vectors that clients send, and the cosine similarity the service computes itself. */
public final class Vectors {

  private Vectors() {}

  /**
   * Collects one vector's elements as they are read, checking each: a 384-dimension vector of finite numbers within
   * {@code real} range and of non-zero length, or the reason it is not one.
   */
  static final class Collector {
    private final float[] values = new float[MiniLm.DIMENSIONS];
    private int count;
    private double norm;
    private String problem;

    void add(double d) {
      if (problem == null && (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) > Float.MAX_VALUE)) {
        problem = "element " + count + " is NaN, infinite or out of range";
      } else if (problem == null && count < values.length) {
        values[count] = (float) d;
        norm += (double) values[count] * values[count];
      }
      count++;
    }

    void notANumber() {
      if (problem == null) {
        problem = "element " + count + " is not a number";
      }
      count++;
    }

    /** The vector, or null after reporting to {@code errors} why the elements are not one. */
    float[] result(String field, BiConsumer<String, String> errors) {
      if (count != MiniLm.DIMENSIONS) {
        errors.accept(field, "must have exactly " + MiniLm.DIMENSIONS + " dimensions (has " + count + ")");
      } else if (problem != null) {
        errors.accept(field, problem);
      } else if (norm == 0 || Double.isInfinite(norm)) {
        errors.accept(field, "must have a finite, non-zero length (cosine similarity is undefined otherwise)");
      } else {
        return values;
      }
      return null;
    }
  }

  /** The value as a vector (see {@link Collector}); otherwise reports to {@code errors} and returns null. */
  public static float[] parse(Object value, String field, BiConsumer<String, String> errors) {
    if (!(value instanceof JsonArray array)) {
      errors.accept(field, "must be an array of " + MiniLm.DIMENSIONS + " numbers");
      return null;
    }
    Collector collector = new Collector();
    // the raw list: JsonArray.getValue wraps every element, which costs more than the check itself
    for (Object x : array.getList()) {
      if (x instanceof Number n) {
        collector.add(n.doubleValue());
      } else {
        collector.notANumber();
      }
    }
    return collector.result(field, errors);
  }

  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** Concatenates the vectors into one array, the form the batch insert binds as {@code real[]}. */
  public static Float[] flatten(List<float[]> vectors) {
    Float[] out = new Float[vectors.size() * MiniLm.DIMENSIONS];
    int k = 0;
    for (float[] v : vectors) {
      for (float x : v) {
        out[k++] = x;
      }
    }
    return out;
  }

  public static Float[] boxed(float[] v) {
    Float[] out = new Float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}

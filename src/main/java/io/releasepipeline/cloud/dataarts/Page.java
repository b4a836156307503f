package io.releasepipeline.cloud.dataarts;

import java.util.List;

/** One page of a DataArts list answer: its records and the total the provider reports ({@code offset}/{@code limit}). */
public interface Page<T> {

    List<T> data();

    Integer total();
}

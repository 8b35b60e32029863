/**
 * Arrays stacked over a population of networks ([P, r, c], one slice per network) and the
 * operations on them slice by slice: a trainable {@link org.deadrelu.model.population.Parameter}
 * with its gradient, a value per network ({@link org.deadrelu.model.population.PerSlice}), BLAS
 * calls per network on native buffers ({@link org.deadrelu.model.population.BatchedGemm},
 * {@link org.deadrelu.model.population.SliceAxpy}) and one native copy each way
 * ({@link org.deadrelu.model.population.HostCopy}). The network ({@code model.net}) and the
 * optimizers ({@code model.optim}) both build on it; it depends on neither.
 */
package org.deadrelu.model.population;

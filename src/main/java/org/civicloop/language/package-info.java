/**
 * Understanding what people write: sentence vectors of Chinese texts from an in-process model
 * (bge-small-zh-v1.5, quantized, shipped inside its Maven package; nothing is downloaded), stored in
 * PostgreSQL with the model's name and searched through a rebuildable vector index beside it. Other
 * modules use it through {@link org.civicloop.language.TextVectors} and offer their texts through
 * {@link org.civicloop.language.TextSource}; it knows no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.civicloop.language;

"""Analysis: embeddings, topics, need clusters and assisted coding over the stored statements."""

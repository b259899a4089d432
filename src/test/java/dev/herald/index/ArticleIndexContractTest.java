package dev.herald.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link NewsIndex} contract on the embedded Lucene index. */
class ArticleIndexContractTest extends NewsIndexContract {

  @TempDir Path dir;

  @Override
  NewsIndex emptyIndex() throws IOException {
    return ArticleIndex.openWritable(Files.createTempDirectory(dir, "index"), PassageSplitter.standard());
  }
}

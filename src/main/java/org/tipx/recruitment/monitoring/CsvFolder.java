package org.tipx.recruitment.monitoring;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.tipx.recruitment.Posting;

/**
 * The CSV files of a source: every regular {@code *.csv} file (no links followed) in the source's sub-folder of the
 * drop folder, read whole each poll (postings seen before are recognised by their key and not taken again). The
 * sub-folder must resolve inside the drop folder; a file over the body limit is refused like an enormous feed.
 */
@Component
class CsvFolder {

	private final MonitoringSettings settings;

	CsvFolder(MonitoringSettings settings) {
		this.settings = settings;
	}

	List<Posting> read(String folder, Map<String, String> mapping) throws FeedFailure {
		Path dir;
		try {
			// the drop folder is created on first use, so a fresh installation can take CSV sources at once
			Path root = Files.createDirectories(settings.csvRoot()).toRealPath();
			dir = root.resolve(folder).normalize();
			if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !dir.toRealPath().startsWith(root)
					|| !dir.getParent().equals(root)) {
				throw new FeedFailure("the folder " + folder + " does not exist in the drop folder");
			}
		}
		catch (IOException e) {
			throw new FeedFailure("the folder " + folder + " does not exist in the drop folder");
		}
		List<Posting> postings = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
			TreeSet<Path> sorted = new TreeSet<>();
			files.forEach(sorted::add);
			for (Path file : sorted) {
				if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
					continue;
				}
				if (Files.size(file) > settings.maxBody()) {
					throw new FeedFailure(file.getFileName() + " is larger than the limit of "
							+ settings.maxBody() / 1024 + " KB");
				}
				try {
					postings.addAll(FeedReading.csv(Files.readAllBytes(file), mapping));
				}
				catch (FeedFailure failure) {
					throw new FeedFailure(file.getFileName() + " " + failure.getMessage());
				}
			}
		}
		catch (IOException e) {
			throw new FeedFailure("the folder " + folder + " could not be read");
		}
		return postings;
	}
}

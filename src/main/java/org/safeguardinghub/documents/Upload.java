package org.safeguardinghub.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A file as chosen in a form: its name and bytes. */
public record Upload(String fileName, byte[] content) {

    /** Null when the form's file field was left empty. */
    public static @Nullable Upload of(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty() || file.getOriginalFilename() == null) {
            return null;
        }
        try {
            return new Upload(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

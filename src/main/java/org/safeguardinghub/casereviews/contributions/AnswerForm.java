package org.safeguardinghub.casereviews.contributions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/** An agency lead's answer to a request: text and up to three documents. */
public class AnswerForm {

    @NotBlank(message = "Enter your answer")
    @Size(max = 20000, message = "Answer must be 20,000 characters or fewer")
    private String response = "";

    private MultipartFile document1;
    private MultipartFile document2;
    private MultipartFile document3;
    private int version;

    public String getResponse() {
        return response;
    }

    public void setResponse(String v) {
        response = v == null ? "" : v;
    }

    public MultipartFile getDocument1() {
        return document1;
    }

    public void setDocument1(MultipartFile v) {
        document1 = v;
    }

    public MultipartFile getDocument2() {
        return document2;
    }

    public void setDocument2(MultipartFile v) {
        document2 = v;
    }

    public MultipartFile getDocument3() {
        return document3;
    }

    public void setDocument3(MultipartFile v) {
        document3 = v;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int v) {
        version = v;
    }
}

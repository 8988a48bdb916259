package com.aftercare.serviceform;

import java.util.Locale;

import org.springframework.stereotype.Service;

/** The service form of a ticket as a PDF to download and print: the same form {@link ReadServiceForm} reads. */
@Service
public class RenderServiceFormPdf {

    /** fileName: "维修服务单-&lt;ticket number&gt;.pdf" in the form's language; asciiFileName for old clients. */
    public record Pdf(String fileName, String asciiFileName, byte[] bytes) {
    }

    private final ReadServiceForm forms;
    private final ServiceFormPdf writer;

    RenderServiceFormPdf(ReadServiceForm forms, ServiceFormPdf writer) {
        this.forms = forms;
        this.writer = writer;
    }

    public Pdf render(long ticketId, Locale language) {
        ServiceForm form = forms.read(ticketId, language);
        String number = form.caseInfo().number();
        return new Pdf(form.title() + "-" + number + ".pdf", "service-form-" + number + ".pdf", writer.write(form));
    }
}

package org.resultsflow.ingest.parsing.iati;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.resultsflow.ingest.parsing.ParseWarning;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The IATI activity schema 2.03, shipped with the service ({@code iati/schema/}). A file is read for what it
 * states whether or not it validates; every violation becomes a warning naming its line.
 */
public final class IatiSchema {

    /** Beyond this many violations in one file only their number is reported. */
    static final int MAX_REPORTED = 200;

    private static final Schema ACTIVITIES = load("iati/schema/iati-activities-schema.xsd");

    private IatiSchema() {
    }

    private static Schema load(String resource) {
        URL url = IatiSchema.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("the IATI schema " + resource + " is not on the class path");
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // the schema's own includes, next to it on the class path; nothing from the network
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,jrt");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("the IATI schema " + resource + " does not load", e);
        }
    }

    /**
     * Validates an activity file already read (so known to be well-formed and free of a DTD) and adds a
     * warning per violation.
     */
    static void validate(byte[] content, List<ParseWarning> warnings) {
        validate(new ByteArrayInputStream(content), warnings);
    }

    static void validate(InputStream content, List<ParseWarning> warnings) {
        Validator validator = ACTIVITIES.newValidator();
        int[] count = {0};
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    report(e);
                }

                @Override
                public void error(SAXParseException e) {
                    report(e);
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    report(e);
                    throw e;
                }

                private void report(SAXParseException e) {
                    if (count[0]++ < MAX_REPORTED) {
                        warnings.add(new ParseWarning(Math.max(1, e.getLineNumber()),
                                "schema (IATI 2.03): " + e.getMessage()));
                    }
                }
            });
            validator.validate(new StreamSource(content));
        } catch (SAXException e) {
            // a fatal error is already a warning; the file was read as far as it is well-formed
        } catch (IOException e) {
            throw new IllegalStateException("reading a document held in memory failed", e);
        }
        if (count[0] > MAX_REPORTED) {
            warnings.add(new ParseWarning(1, "schema (IATI 2.03): " + (count[0] - MAX_REPORTED)
                    + " further violations not listed"));
        }
    }
}

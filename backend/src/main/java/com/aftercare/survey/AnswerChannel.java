package com.aftercare.survey;

/** How the answer came: the desk on the phone, or the customer's own user in the portal. Labels: group "answerChannel". */
public enum AnswerChannel {
    PHONE, PORTAL
}

// SPDX-License-Identifier: MIT
#include "core/model/fieldpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cosell;

namespace {

QJsonObject sample()
{
    return QJsonDocument::fromJson(
               "{\"name\":\"Deal\",\"details\":{\"dealValue\":125000,\"notes\":null},"
               "\"customerProfile\":{\"address\":{\"country\":\"US\"}},"
               "\"team\":[{\"email\":\"a@x\"},{\"email\":\"b@x\"}],\"matrix\":[[1,2],[3]]}")
        .object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestFieldPath : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("segments");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("top") << "name" << 1 << "/name";
        QTest::newRow("nested") << "details.dealValue" << 2 << "/details/dealValue";
        QTest::newRow("deep") << "customerProfile.address.country" << 3
                              << "/customerProfile/address/country";
        QTest::newRow("index") << "team[0].email" << 3 << "/team/0/email";
        QTest::newRow("double index") << "matrix[1][0]" << 3 << "/matrix/1/0";
        QTest::newRow("odata") << "@odata.etag" << 2 << "/@odata/etag";
        QTest::newRow("custom field") << "Referral_Identifier__c" << 1 << "/Referral_Identifier__c";
        QTest::newRow("dash") << "x-ms.y" << 2 << "/x-ms/y";
    }

    void parseValid()
    {
        QFETCH(QString, text);
        QFETCH(int, segments);
        QFETCH(QString, pointer);
        const auto path = FieldPath::parse(text);
        QVERIFY2(path.ok(), qPrintable(path.ok() ? QString() : path.error().message));
        QCOMPARE(path->segments().size(), segments);
        QCOMPARE(path->toString(), text);
        QCOMPARE(path->toJsonPointer(), pointer);
        const auto back = FieldPath::fromJsonPointer(pointer);
        QVERIFY(back.ok());
        QVERIFY(back.value() == path.value());
    }

    void parseInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << ""
                               << "invalid field path '': empty";
        QTest::newRow("leading dot") << ".a"
                                     << "expected a field name at position 0";
        QTest::newRow("trailing dot") << "a."
                                      << "expected a field name at position 2";
        QTest::newRow("double dot") << "a..b"
                                    << "expected a field name at position 2";
        QTest::newRow("digit start") << "1a"
                                     << "expected a field name";
        QTest::newRow("open bracket") << "team[0"
                                      << "expected [index] at position 4";
        QTest::newRow("empty index") << "team[]"
                                     << "expected [index]";
        QTest::newRow("negative") << "team[-1]"
                                  << "expected [index]";
        QTest::newRow("text index") << "team[x]"
                                    << "expected [index]";
        QTest::newRow("leading index") << "[0].a"
                                       << "expected a field name";
        QTest::newRow("space") << "a b"
                               << "unexpected ' ' at position 1";
        QTest::newRow("huge index") << "team[99999999999]"
                                    << "index too large";
        QTest::newRow("junk after index") << "team[0]x"
                                          << "unexpected 'x'";
    }

    void parseInvalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto path = FieldPath::parse(text);
        QVERIFY(!path.ok());
        QVERIFY(path.error().kind == Error::Kind::Invalid);
        QCOMPARE(path.error().code, QStringLiteral("invalidFieldPath"));
        QVERIFY2(path.error().message.contains(message), qPrintable(path.error().message));
    }

    void pointerInvalid()
    {
        QVERIFY(!FieldPath::fromJsonPointer(u"details").ok());
        QVERIFY(!FieldPath::fromJsonPointer(u"/team/-").ok());
        QVERIFY(!FieldPath::fromJsonPointer(u"/a//b").ok());
        const auto escaped = FieldPath::fromJsonPointer(u"/a~1b/c~0d");
        QVERIFY(escaped.ok());
        QCOMPARE(std::get<QString>(escaped->segments().at(0)), QStringLiteral("a/b"));
        QCOMPARE(escaped->toJsonPointer(), QStringLiteral("/a~1b/c~0d"));
    }

    void read_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("string") << "name" << QJsonValue(QStringLiteral("Deal"));
        QTest::newRow("number") << "details.dealValue" << QJsonValue(125000);
        QTest::newRow("deep") << "customerProfile.address.country"
                              << QJsonValue(QStringLiteral("US"));
        QTest::newRow("array element") << "team[1].email" << QJsonValue(QStringLiteral("b@x"));
        QTest::newRow("nested array") << "matrix[0][1]" << QJsonValue(2);
        QTest::newRow("explicit null") << "details.notes" << QJsonValue(QJsonValue::Null);
        QTest::newRow("missing key") << "details.currency" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("missing parent") << "consent.x" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("through null") << "details.notes.x" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("out of range") << "team[2].email" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("index into object") << "details[0]" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("key into array") << "team.email" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("key into string") << "name.first" << QJsonValue(QJsonValue::Undefined);
    }

    void read()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, expected);
        const QJsonValue value = FieldPath::parse(path).value().read(sample());
        QCOMPARE(value.type(), expected.type());
        QCOMPARE(value, expected);
    }

    void write_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QByteArray>("expectedFragment");
        QTest::newRow("replace top")
            << "name" << QJsonValue(QStringLiteral("New")) << QByteArray("\"name\":\"New\"");
        QTest::newRow("replace nested")
            << "details.dealValue" << QJsonValue(5) << QByteArray("\"dealValue\":5");
        QTest::newRow("create intermediates")
            << "consent.inner.flag" << QJsonValue(true)
            << QByteArray("\"consent\":{\"inner\":{\"flag\":true}}");
        QTest::newRow("through null") << "details.notes.text" << QJsonValue(QStringLiteral("t"))
                                      << QByteArray("\"notes\":{\"text\":\"t\"}");
        QTest::newRow("array element") << "team[0].email" << QJsonValue(QStringLiteral("z@x"))
                                       << QByteArray("[{\"email\":\"z@x\"},{\"email\":\"b@x\"}]");
        QTest::newRow("append") << "team[2].email" << QJsonValue(QStringLiteral("c@x"))
                                << QByteArray("{\"email\":\"c@x\"}]");
        QTest::newRow("new array")
            << "tags[0]" << QJsonValue(QStringLiteral("t")) << QByteArray("\"tags\":[\"t\"]");
        QTest::newRow("write null")
            << "name" << QJsonValue(QJsonValue::Null) << QByteArray("\"name\":null");
    }

    void write()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QByteArray, expectedFragment);
        QJsonObject object = sample();
        const FieldPath fieldPath = FieldPath::parse(path).value();
        const Status status = fieldPath.write(object, value);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        QVERIFY2(compact(object).contains(expectedFragment), compact(object).constData());
        QCOMPARE(fieldPath.read(object), value);
        // Nothing else moved.
        QCOMPARE(object.value(QStringLiteral("matrix")), sample().value(QStringLiteral("matrix")));
    }

    void writeInvalid_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("key into string") << "name.first"
                                         << "cannot set key 'first' in a string";
        QTest::newRow("index into object") << "details[0]"
                                           << "cannot index [0] into an object";
        QTest::newRow("key into array") << "team.email"
                                        << "cannot set key 'email' in an array";
        QTest::newRow("past end") << "team[5].email"
                                  << "index 5 is past the end (size 2)";
        QTest::newRow("key into number") << "details.dealValue.x"
                                         << "in a number";
    }

    void writeInvalid()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        QJsonObject object = sample();
        const Status status = FieldPath::parse(path).value().write(object, QJsonValue(1));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("fieldPathTypeMismatch"));
        QVERIFY2(status.error().message.contains(message), qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(path), qPrintable(status.error().message));
        QCOMPARE(object, sample()); // untouched on failure
    }

    void writeEmptyPath()
    {
        QJsonObject object;
        QVERIFY(!FieldPath().write(object, QJsonValue(1)).ok());
    }

    void remove()
    {
        QJsonObject object = sample();
        QVERIFY(FieldPath::parse(u"team[0]").value().remove(object).ok());
        QCOMPARE(object.value(QStringLiteral("team")).toArray().size(), 1);
        QVERIFY(FieldPath::parse(u"details.dealValue").value().remove(object).ok());
        QVERIFY(!object.value(QStringLiteral("details"))
                     .toObject()
                     .contains(QStringLiteral("dealValue")));
        const QJsonObject before = object;
        QVERIFY(FieldPath::parse(u"nothing.here").value().remove(object).ok());
        QCOMPARE(object, before);
    }

    void startsWith()
    {
        const FieldPath a = FieldPath::parse(u"details.requirements.solutions[0].id").value();
        QVERIFY(a.startsWith(FieldPath::parse(u"details").value()));
        QVERIFY(a.startsWith(FieldPath::parse(u"details.requirements.solutions[0]").value()));
        QVERIFY(!a.startsWith(FieldPath::parse(u"details.notes").value()));
        QVERIFY(!FieldPath::parse(u"details").value().startsWith(a));
        QCOMPARE(FieldPath().child(QStringLiteral("team")).child(0).toString(),
                 QStringLiteral("team[0]"));
    }
};

QTEST_GUILESS_MAIN(TestFieldPath)
#include "tst_fieldpath.moc"

DROP FUNCTION app.analyze_features_after(bigint);
